#!/usr/bin/env python3
"""The baselines Baton's additive model is compared with on the same data set and the same
time-ordered split (the newest 20% of rows held out): logistic regression on one-hot and
standardised columns, and gradient boosting. Needs Debian's python3-sklearn (and runs with
/usr/bin/python3, which has it).

usage: /usr/bin/python3 baselines.py DATA.csv OUTCOME_COLUMN POSITIVE_VALUE
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def columns(rows, names):
    """Each column as numbers (NaN for missing) or as category codes."""
    numeric, categorical = {}, {}
    for name in names:
        values = [r[name] for r in rows]
        present = [v for v in values if v not in ("", "NA")]
        if all(number(v) is not None for v in present):
            numeric[name] = np.array([number(v) if v not in ("", "NA") else np.nan for v in values])
        else:
            levels = sorted(set(present))
            categorical[name] = (levels, [levels.index(v) if v in levels else -1 for v in values])
    return numeric, categorical


def main():
    source, outcome, positive = sys.argv[1:4]
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    names = [c for c in rows[0] if c != outcome]
    y = np.array([1 if r[outcome] == positive else 0 for r in rows])
    numeric, categorical = columns(rows, names)
    n = len(rows)
    split = int(n * 0.8)
    # Logistic regression: standardised numbers (missing: the mean), one-hot categories.
    parts = []
    for values in numeric.values():
        filled = np.where(np.isnan(values), np.nanmean(values[:split]), values)
        parts.append(((filled - filled[:split].mean()) / (filled[:split].std() or 1))[:, None])
    for levels, codes in categorical.values():
        parts.append(np.eye(len(levels) + 1)[np.array(codes) + 1])
    linear_x = np.hstack(parts)
    # Gradient boosting: numbers as they are, categories as codes it treats as categories.
    boosted_x = np.column_stack(list(numeric.values()) +
                                [np.array(c, dtype=float) for _, c in categorical.values()])
    is_categorical = [False] * len(numeric) + [True] * len(categorical)
    boosted_x[boosted_x == -1] = np.nan
    models = (
        ("logistic regression", LogisticRegression(max_iter=5000), linear_x),
        ("gradient boosting",
         HistGradientBoostingClassifier(random_state=0, categorical_features=is_categorical),
         boosted_x),
    )
    for name, model, x in models:
        model.fit(x[:split], y[:split])
        auc = roc_auc_score(y[split:], model.predict_proba(x[split:])[:, 1])
        print(f"{name}: held-out AUC {auc:.3f} ({split} rows to fit, {n - split} held out)")


if __name__ == "__main__":
    main()
