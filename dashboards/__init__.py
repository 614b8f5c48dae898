"""Static HTML reports generated from the warehouse views."""
