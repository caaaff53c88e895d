import shutil, sys
from pathlib import Path
def write_content(csv_path, content):
    (content / "decisions").mkdir(parents=True, exist_ok=True)
    shutil.copy(csv_path, content / "decisions" / "bench.csv")
if __name__ == "__main__":
    sys.exit(0)
