"""Services own the rules. They reach storage only through the unit of work they are given."""
