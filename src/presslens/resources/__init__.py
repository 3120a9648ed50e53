"""Package data: lexicons, gazetteer aliases, shipped settings.

Each data file opens with a comment saying where its entries come from.
"""
