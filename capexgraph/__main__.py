from capexgraph.cli import main

main()
