#!/usr/bin/env python3
"""Turns a public tabular data set (CSV with an outcome column) into a HubSpot contacts
export, the way a user would bring their history in: one contact per row, the data set's
columns as custom properties, a Create Date spread over 2025 in row order, and a
"Became an Opportunity Date" 30 days later for rows whose outcome is the positive one.

usage: to_hubspot.py DATA.csv OUTCOME_COLUMN POSITIVE_VALUE OUT.csv
"""
import csv
import datetime
import sys


def main():
    source, outcome, positive, target = sys.argv[1:5]
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    properties = [c for c in rows[0].keys() if c != outcome]
    start = datetime.datetime(2025, 1, 1, 9, 0)
    step = datetime.timedelta(minutes=(300 * 24 * 60) // max(1, len(rows)))
    with open(target, "w", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL)
        out.writerow(["Record ID", "Email", "Create Date", "Became an Opportunity Date"]
                     + [p.replace("_", " ").title() for p in properties])
        for i, row in enumerate(rows):
            created = start + step * i
            converted = created + datetime.timedelta(days=30) if row[outcome] == positive else None
            out.writerow([str(100000 + i), f"contact{i}@example.com",
                          created.strftime("%Y-%m-%d %H:%M"),
                          converted.strftime("%Y-%m-%d %H:%M") if converted else ""]
                         + [("" if row[p] == "NA" else row[p]) for p in properties])


if __name__ == "__main__":
    main()
