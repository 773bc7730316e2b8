"""The command-line skin: click lives here only. One module per command, each a thin adapter:
parse options, load with ``rosterkit.io``, make one library call, write with ``rosterkit.io``."""
