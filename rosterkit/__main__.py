from rosterkit.cli.main import main

main()
