"""Debug: render doc i of a seed/family/attempt, print extracted text and failed expectations."""
import random, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import gen
from pypdf import PdfReader
seed, i, attempt, fam = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(f"{seed}-{i}-{attempt}")
doc = gen.make_common(rng, fam, seed)
res = gen.RENDER[fam](doc, rng)
if res is None:
    sys.exit("redraw (None)")
pdf = gen.compile_doc(res["src"], res["engine"], res["files"], Path("/tmp/lt/dbg"))
print("\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
print(gen.check(pdf, res["truth"], res["expect"], res["consistency"]))
