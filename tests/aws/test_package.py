"""``make package``: both partitions' templates and Lambda zips, as built by scripts/aws/package.py
(which runs ``chalice package`` with pip). Slow: builds the zips once per session."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "aws"))

from partitions import mail_channel, missing_services, services_used  # noqa: E402

pytestmark = pytest.mark.slow
PARTITIONS = ("aws", "aws-cn")
LINT_REGIONS = {"aws": ["us-east-1", "eu-west-1"], "aws-cn": ["cn-north-1", "cn-northwest-1"]}

# Required properties of each resource type the templates use, from the CloudFormation and SAM
# reference pages (written here, not read from cfn-lint). A new type must be added here.
REQUIRED = {
    "AWS::DynamoDB::Table": ["KeySchema", "AttributeDefinitions", "BillingMode"],
    "AWS::S3::Bucket": [],
    "AWS::S3::BucketPolicy": ["Bucket", "PolicyDocument"],
    "AWS::IAM::Role": ["AssumeRolePolicyDocument"],
    "AWS::IAM::Policy": ["PolicyDocument", "PolicyName"],
    "AWS::Lambda::Permission": ["Action", "FunctionName", "Principal"],
    "AWS::Serverless::Function": ["Handler", "Runtime", "CodeUri"],
    "AWS::Serverless::Api": ["StageName"],
    "AWS::CloudFront::Distribution": ["DistributionConfig"],
    "AWS::CloudFront::CachePolicy": ["CachePolicyConfig"],
    "AWS::CloudFront::OriginRequestPolicy": ["OriginRequestPolicyConfig"],
    "AWS::CloudFront::ResponseHeadersPolicy": ["ResponseHeadersPolicyConfig"],
    "AWS::CloudFront::OriginAccessControl": ["OriginAccessControlConfig"],
    "AWS::CloudFront::CloudFrontOriginAccessIdentity": ["CloudFrontOriginAccessIdentityConfig"],
    "AWS::CloudFront::Function": ["Name", "FunctionCode", "FunctionConfig"],
}
# Top-level names that must not be in the Lambda zip: the site build, the local server, tests.
NOT_IN_ZIP = ["pelican", "pagefind", "waitress", "markdown", "feedgen", "openpyxl", "jinja2", "yaml", "tests"]


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "aws" / "package.py"), "--out", str(out)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'backend'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"},
    )
    return out


def _template(dist: Path, partition: str) -> dict[str, Any]:
    return json.loads((dist / partition / "sam.json").read_text(encoding="utf-8"))


def _of_type(template: dict[str, Any], rtype: str) -> dict[str, Any]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == rtype}


@pytest.mark.parametrize("partition", PARTITIONS)
def test_no_arn_literal_every_arn_built_with_the_partition(dist: Path, partition: str) -> None:
    text = (dist / partition / "sam.json").read_text(encoding="utf-8")
    assert "arn:aws:" not in text and "arn:aws-cn:" not in text
    assert text.count("arn:${AWS::Partition}:") >= 4
    assert "amazonaws.com.cn" not in text  # endpoints come from ${AWS::URLSuffix}
    assert "${AWS::URLSuffix}" in text


@pytest.mark.parametrize("partition", PARTITIONS)
def test_every_resource_has_its_required_properties(dist: Path, partition: str) -> None:
    for name, resource in _template(dist, partition)["Resources"].items():
        assert resource["Type"] in REQUIRED, f"{name}: add {resource['Type']} to REQUIRED"
        missing = [p for p in REQUIRED[resource["Type"]] if p not in resource.get("Properties", {})]
        assert not missing, f"{name} ({resource['Type']}) lacks {missing}"


@pytest.mark.parametrize("partition", PARTITIONS)
def test_security_headers_on_every_behaviour(dist: Path, partition: str) -> None:
    template = _template(dist, partition)
    ((name, policy),) = _of_type(template, "AWS::CloudFront::ResponseHeadersPolicy").items()
    from test_table_layout import sent_by_cloudfront, served_by_sunlight_serve

    security = policy["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    csp = [d.strip() for d in security["ContentSecurityPolicy"]["ContentSecurityPolicy"].split(";")]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert security["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000
    assert security["ContentTypeOptions"]["Override"] is True
    assert sent_by_cloudfront(policy["Properties"]) == served_by_sunlight_serve()
    config = template["Resources"]["Distribution"]["Properties"]["DistributionConfig"]
    behaviours = [config["DefaultCacheBehavior"], *config["CacheBehaviors"]]
    assert all(b["ResponseHeadersPolicyId"] == {"Ref": name} for b in behaviours)


@pytest.mark.parametrize("partition", PARTITIONS)
def test_site_from_s3_api_from_api_gateway_private_prefix_not_served(dist: Path, partition: str) -> None:
    template = _template(dist, partition)
    config = template["Resources"]["Distribution"]["Properties"]["DistributionConfig"]
    origins = {o["Id"]: o for o in config["Origins"]}
    assert (
        config["DefaultCacheBehavior"]["TargetOriginId"] == "site"
        and origins["site"]["OriginPath"] == "/site"
    )
    (api,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert api["TargetOriginId"] == "api" and "POST" in api["AllowedMethods"]
    assert "${RestAPI}" in origins["api"]["DomainName"]["Fn::Sub"]
    bucket = template["Resources"]["SiteBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    (policy,) = _of_type(template, "AWS::S3::BucketPolicy").values()
    allows = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    assert [s["Resource"] for s in allows] == [{"Fn::Sub": "${SiteBucket.Arn}/site/*"}]


@pytest.mark.parametrize("partition", PARTITIONS)
def test_least_privilege(dist: Path, partition: str) -> None:
    template = _template(dist, partition)
    statements = [
        (name, s)
        for name, p in _of_type(template, "AWS::IAM::Policy").items()
        for s in p["Properties"]["PolicyDocument"]["Statement"]
    ]
    for name, statement in statements:
        assert statement["Resource"] != "*" and "*" not in statement.get("Action", []), name
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for action in actions:
            assert not action.endswith(":*"), f"{name}: {action}"
    store = [s for _, s in statements if s["Sid"] == "Store"]
    assert store and all(
        s["Resource"] == [{"Fn::GetAtt": ["Table", "Arn"]}, {"Fn::Sub": "${Table.Arn}/index/*"}]
        for s in store
    )
    catalog = [s for _, s in statements if s["Sid"] == "Catalog"]
    assert all(s["Resource"] == {"Fn::Sub": "${SiteBucket.Arn}/private/catalog.json"} for s in catalog)
    for role in _of_type(template, "AWS::IAM::Role").values():  # Chalice's roles: logs only
        for policy in role["Properties"].get("Policies", []):
            assert {a.split(":")[0] for s in policy["PolicyDocument"]["Statement"] for a in s["Action"]} == {
                "logs"
            }
    table = template["Resources"]["Table"]["Properties"]
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True


@pytest.mark.parametrize("partition", PARTITIONS)
def test_the_packaged_table_is_the_one_store_init_creates(
    aws: str, dist: Path, partition: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keys, indexes and TTL of the template that goes to CloudFormation, against moto server's
    description of the table `sunlight store init` made (tests/aws/test_table_layout.py)."""
    from test_table_layout import as_sets, created_by_store_init

    expected = created_by_store_init(monkeypatch, capsys)
    assert as_sets(_template(dist, partition)["Resources"]["Table"]["Properties"]) == as_sets(expected)


@pytest.mark.parametrize("partition", PARTITIONS)
def test_functions_use_the_stack_s_store_and_catalog(dist: Path, partition: str) -> None:
    resources = _template(dist, partition)["Resources"]
    for fn in ("APIHandler", "Timers"):
        env = resources[fn]["Properties"]["Environment"]["Variables"]
        assert env["SUNLIGHT_STORE"] == {"Fn::Sub": "dynamodb://${Table}"}
        assert env["SUNLIGHT_CATALOG"] == {"Fn::Sub": "s3://${SiteBucket}/private/catalog.json"}
        assert "SUNLIGHT_DATA" not in env
    timers = resources["Timers"]["Properties"]
    assert timers["Events"]["TimersEvent"]["Properties"]["Schedule"] == "rate(5 minutes)"


def test_mail_follows_botocore_partition_data(dist: Path) -> None:
    aws, cn = _template(dist, "aws"), _template(dist, "aws-cn")
    assert mail_channel("aws") == "ses" and mail_channel("aws-cn") == "smtp"
    assert aws["Resources"]["Timers"]["Properties"]["Environment"]["Variables"]["SUNLIGHT_MAIL"] == "ses"
    cn_env = cn["Resources"]["Timers"]["Properties"]["Environment"]["Variables"]
    assert cn_env["SUNLIGHT_MAIL"] == "smtp" and cn_env["SUNLIGHT_SMTP_URL_PARAMETER"] == {
        "Ref": "SmtpUrlParameter"
    }
    assert "sesv2" in services_used(aws) and "sesv2" not in services_used(cn)
    assert "ssm" in services_used(cn)


@pytest.mark.parametrize("partition", PARTITIONS)
def test_every_service_a_template_uses_exists_in_its_partition(dist: Path, partition: str) -> None:
    template = _template(dist, partition)
    assert {"lambda", "apigateway", "dynamodb", "s3", "cloudfront", "iam", "events"} <= set(
        services_used(template)
    )
    assert missing_services(template, partition) == []


def test_the_partition_check_detects_ses_missing_in_china(dist: Path) -> None:
    missing = missing_services(_template(dist, "aws"), "aws-cn")
    assert any(m.startswith("sesv2:") for m in missing), missing


@pytest.mark.parametrize("partition", PARTITIONS)
def test_cfn_lint_is_clean(dist: Path, partition: str) -> None:
    lint = Path(sys.executable).parent / "cfn-lint"
    result = subprocess.run(
        [str(lint), "--regions", *LINT_REGIONS[partition], "--", str(dist / partition / "sam.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cfn_lint_knows_what_china_lacks(dist: Path) -> None:
    """The global template (origin access control, CloudFront Functions) would not deploy in China."""
    lint = Path(sys.executable).parent / "cfn-lint"
    result = subprocess.run(
        [str(lint), "--regions", "cn-north-1", "--", str(dist / "aws" / "sam.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "AWS::CloudFront::OriginAccessControl" in result.stdout


def _unpacked(dist: Path, partition: str, tmp_path: Path) -> Path:
    target = tmp_path / partition
    with zipfile.ZipFile(dist / partition / "deployment.zip") as zipped:
        zipped.extractall(target)
    for path in sorted(target.rglob("*"), reverse=True):  # read-only, like /var/task
        path.chmod(0o555 if path.is_dir() else 0o444)
    return target


@pytest.mark.parametrize("partition", PARTITIONS)
def test_the_zip_holds_only_what_the_api_needs(dist: Path, partition: str, tmp_path: Path) -> None:
    zip_path = dist / partition / "deployment.zip"
    # about 6.8 MB, of which cryptography's compiled bindings (AES-GCM of the sealed receipt code)
    # are about 1.8 MB; Lambda takes 50 MB zipped
    assert zip_path.stat().st_size < 8_000_000
    with zipfile.ZipFile(zip_path) as zipped:
        names = zipped.namelist()
    tops = {n.split("/")[0] for n in names}
    assert {"app.py", "chalice", "sunlight", "chinese_calendar", "tzdata", "cryptography"} <= tops
    for name in NOT_IN_ZIP:
        assert name not in tops, name
    assert not [n for n in names if re.match(r"sunlight/(content/|cli\.py|server\.py|staticsite\.py)", n)]
    assert not [n for n in names if re.search(r"(^|/)(tests?|test_[^/]*\.py)$", n)]
    assert "sunlight/store/sqlite.py" in names and "sunlight/notify/ses.py" in names


def test_the_handlers_import_from_the_zip_alone(dist: Path, tmp_path: Path) -> None:
    """With no site-packages (-S) and no bytecode writing (-B), as on Lambda's read-only /var/task
    (boto3 is in the runtime, imported only when a channel or store is used)."""
    root = _unpacked(dist, "aws", tmp_path)
    probe = (
        "import sys, app, sunlight.timers, sunlight.s3catalog, sunlight.notify.ses, sunlight.notify.relay\n"
        "import zoneinfo; zoneinfo.ZoneInfo('Asia/Shanghai')\n"
        "outside = sorted({m for m, mod in sys.modules.items() if getattr(mod, '__file__', None)\n"
        "    and not mod.__file__.startswith(sys.argv[1]) and 'site-packages' in mod.__file__})\n"
        "assert not outside, outside\n"
        "assert app.app.app_name == 'sunlight' and sunlight.__file__.startswith(sys.argv[1])\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-B", "-c", probe, str(root)],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(root)},
    )
    assert result.returncode == 0, result.stderr
    assert not list(root.rglob("__pycache__/*.cpython-3*.opt-*.pyc"))
    assert list((root / "sunlight").rglob("__pycache__/bootstrap.cpython-*.pyc"))  # shipped bytecode
