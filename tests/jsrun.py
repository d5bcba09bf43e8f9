"""Run a function of the widgets' ES modules in Node (the same code the browser runs) and return its JSON."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

WIDGETS = Path(__file__).resolve().parents[1] / "peksos" / "widgets"


def call(module: str, expression: str, **inputs) -> object:
    """``expression`` sees the module as ``m`` and each input by name; its value comes back as JSON."""
    node = shutil.which("node")
    assert node, "node is needed (make install-test installs it)"
    names = ", ".join(inputs)
    code = (f"const m = await import({json.dumps((WIDGETS / module).as_uri())});\n"
            "let text = ''; for await (const chunk of process.stdin) text += chunk;\n"
            f"const {{{names}}} = JSON.parse(text);\n" if inputs else
            f"const m = await import({json.dumps((WIDGETS / module).as_uri())});\n")
    code += f"process.stdout.write(JSON.stringify(await ({expression})));\n"
    proc = subprocess.run([node, "--experimental-detect-module", "--no-warnings", "--input-type=module", "-e", code],
                          input=json.dumps(inputs), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
