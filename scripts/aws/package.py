"""``make package``: the Lambda zip and the CloudFormation template for each AWS partition.

    python scripts/aws/package.py [--out dist] [--partition aws] [--partition aws-cn]

For each partition: stage a Chalice project (backend/app.py, backend/.chalice, the requirements and
only the modules of the ``sunlight`` package the API and the timers need, as ``vendor/``), then run
``chalice package --merge-template`` with the project's own resources from ``infra/``: the common
``template.yaml``, the partition's overlay (``aws.yaml`` / ``aws-cn.yaml``) and the mail overlay that
botocore's endpoint data allows there (``mail-ses.yaml`` where SES exists, else ``mail-smtp.yaml``).
Writes ``OUT/<partition>/sam.json`` and ``OUT/<partition>/deployment.zip``. Needs no AWS credentials;
pip fetches the Lambda's requirements (backend/requirements.txt) from the package index.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import json
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "backend"))

from partitions import mail_channel, missing_services, regions  # noqa: E402
from sunlight.http_headers import CONTENT_SECURITY_POLICY, SECURITY_HEADERS  # noqa: E402
from sunlight.store.dynamo_items import cloudformation_table_properties  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"
INFRA = ROOT / "infra"
PARTITIONS = ("aws", "aws-cn")
STAGE = "prod"
# Parts of the sunlight package that only the command line, the local server or the site build use.
NOT_IN_LAMBDA = ("content", "cli.py", "server.py", "staticsite.py", "__pycache__")


def deep_merge(base: Any, overlay: Any) -> Any:
    """Chalice's own merge rule: mappings merge key by key, anything else is replaced."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = deep_merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(overlay)


def load_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # Resolve YAML anchors into independent copies, so the JSON has no shared objects.
    return json.loads(json.dumps(data))


def merge_template(partition: str) -> dict[str, Any]:
    layers = ["template.yaml", f"{partition}.yaml", f"mail-{mail_channel(partition)}.yaml"]
    merged: dict[str, Any] = {}
    for layer in layers:
        merged = deep_merge(merged, load_yaml(INFRA / layer))
    resources = merged["Resources"]
    # The table's keys, indexes and TTL: the DynamoDB store's own description (store init uses it).
    resources["Table"]["Properties"].update(cloudformation_table_properties())
    # The security headers: those `sunlight serve` sends (sunlight.http_headers).
    config = resources["SecurityHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]
    config["SecurityHeadersConfig"] = deep_merge(
        config.get("SecurityHeadersConfig", {}), security_headers_config()
    )
    return merged


def security_headers_config() -> dict[str, Any]:
    """CloudFront's ``SecurityHeadersConfig`` carrying ``sunlight.http_headers``' values. Headers
    CloudFront has no security field for would go to ``CustomHeadersConfig``; there are none."""
    headers = dict(SECURITY_HEADERS)
    known = {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"}
    unknown = sorted(set(headers) - known)
    if unknown:
        raise SystemExit(f"sunlight.http_headers has headers package.py does not map: {unknown}")
    if headers["X-Content-Type-Options"] != "nosniff":
        raise SystemExit("X-Content-Type-Options other than nosniff cannot be sent by CloudFront")
    return {
        "ContentSecurityPolicy": {"ContentSecurityPolicy": CONTENT_SECURITY_POLICY, "Override": True},
        "ContentTypeOptions": {"Override": True},
        "ReferrerPolicy": {"ReferrerPolicy": headers["Referrer-Policy"], "Override": True},
        "FrameOptions": {"FrameOption": headers["X-Frame-Options"], "Override": True},
    }


def stage_project(workdir: Path) -> Path:
    project = workdir / "project"
    cache = project / ".chalice" / "deployments"  # chalice's zip of the requirements, by their hash
    kept = workdir / "deployments-cache"
    if kept.exists():
        shutil.rmtree(kept)
    if cache.exists():
        cache.rename(kept)
    if project.exists():
        shutil.rmtree(project)
    (project / "vendor").mkdir(parents=True)
    shutil.copy2(BACKEND / "app.py", project / "app.py")
    shutil.copy2(BACKEND / "requirements.txt", project / "requirements.txt")
    shutil.copytree(
        BACKEND / ".chalice", project / ".chalice", ignore=shutil.ignore_patterns("deployments", "*.zip")
    )
    shutil.copytree(
        BACKEND / "sunlight",
        project / "vendor" / "sunlight",
        ignore=lambda d, names: (
            [n for n in names if n in NOT_IN_LAMBDA and Path(d) == BACKEND / "sunlight"]
            + [n for n in names if n == "__pycache__" or n.endswith(".pyc")]
        ),
    )
    return project


def chalice_package(project: Path, partition: str, merge: Path, out: Path) -> None:
    env = dict(os.environ)
    env["AWS_DEFAULT_REGION"] = regions("lambda", partition)[0]  # chalice wants a region; nothing is called
    env.pop("AWS_PROFILE", None)
    if out.exists():
        shutil.rmtree(out)
    chalice = [sys.executable, "-c", "from chalice.cli import main; main()"]
    subprocess.run(
        [*chalice, "--project-dir", str(project), "package", "--stage", STAGE]
        + ["--merge-template", str(merge), str(out)],
        check=True,
        env=env,
    )


def add_bytecode(zip_path: Path) -> None:
    """Add a ``__pycache__`` .pyc beside every module of the zip (unchecked-hash: used as is, never
    rewritten), so a cold start does not compile the sources on Lambda's read-only file system.
    Only when this Python is the runtime's version (the .pyc format differs between versions)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with zipfile.ZipFile(zip_path) as zipped:
            infos = zipped.infolist()
            zipped.extractall(root)
        compileall.compile_dir(
            root, quiet=2, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, workers=1
        )
        names = {i.filename for i in infos}
        rebuilt = zip_path.with_suffix(".tmp")
        with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for info in infos:  # keep chalice's entries (and their permissions) as they were
                out.writestr(info, (root / info.filename).read_bytes() if not info.is_dir() else b"")
            for path in sorted(root.rglob("*.pyc")):
                name = path.relative_to(root).as_posix()
                if name not in names:
                    entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                    entry.external_attr = 0o644 << 16
                    out.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED, 9)
        os.replace(rebuilt, zip_path)


def lambda_runtime(template: dict[str, Any]) -> str:
    return str(template["Resources"]["APIHandler"]["Properties"]["Runtime"])


def package(out_dir: Path, partitions: list[str], workdir: Path) -> dict[str, Path]:
    project = stage_project(workdir)
    written: dict[str, Path] = {}
    for partition in partitions:
        merge = workdir / f"merge-{partition}.json"
        merge.write_text(
            json.dumps(merge_template(partition), indent=1, ensure_ascii=False), encoding="utf-8"
        )
        target = out_dir / partition
        chalice_package(project, partition, merge, target)
        template = json.loads((target / "sam.json").read_text(encoding="utf-8"))
        missing = missing_services(template, partition)
        if missing:
            raise SystemExit(
                f"模板使用了分区 {partition} 不提供的服务 / the {partition} template uses services the partition "
                f"does not offer: {'; '.join(missing)}"
            )
        if lambda_runtime(template) == f"python{sys.version_info[0]}.{sys.version_info[1]}":
            add_bytecode(target / "deployment.zip")
        else:
            print(
                f"{partition}: no bytecode (this Python is not {lambda_runtime(template)})", file=sys.stderr
            )
        written[partition] = target
        size = (target / "deployment.zip").stat().st_size
        print(
            f"{partition}: {target / 'sam.json'} + deployment.zip ({size / 1e6:.2f} MB), "
            f"mail: {mail_channel(partition)}"
        )
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--partition", action="append", choices=PARTITIONS)
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "package")
    args = parser.parse_args(argv)
    package(args.out, args.partition or list(PARTITIONS), args.workdir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
