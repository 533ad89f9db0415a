"""Statistics over the event record: does violence change in the days after diplomatic initiatives?"""
