"""The ledger across articles, built in the transaction that stores each article.

Stages, in the order :meth:`sitroom.store.Store.add` runs them:

1. ``actors``   one id per actor across articles (gazetteer id, then the same full name);
                the article's references are rewritten to those ids.
2. ``figures``  every figure as a row; series are read per measure or subject words.
3. ``events``   every event as a row, joined to the cluster of the same type, actor and
                target within ``EVENT_WINDOW_DAYS``, or starting one.
4. ``claims``   every claim and stance as rows, joined to the cluster stating the same
                proposition (candidates by shared word pairs), whose verification is
                recomputed as reports arrive.

Each stage writes with ON CONFLICT DO NOTHING and recomputes cluster aggregates from
their members, so writing the same article twice changes nothing.
"""
