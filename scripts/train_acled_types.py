"""Re-fit the learned ACLED sub-type model shipped in sitrep/data/models/.

    python scripts/train_acled_types.py [ACLED_FILE]

The default file is the ACLED 2020 dev file in ../shared/evaldata/acled/. Training is
seeded: the same file gives the same model. Same as `sitrep train acled-types`.
"""
import sys

from sitrep.cli import main

if __name__ == "__main__":
    sys.exit(main(["train", "acled-types", *(["--file", sys.argv[1]] if len(sys.argv) > 1 else [])]))
