"""Ways to show reports to people: terminal tables now, documents and exports later."""
