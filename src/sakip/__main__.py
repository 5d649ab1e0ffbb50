from sakip.cli.main import main

raise SystemExit(main())
