"""``sunlight publish``: a built site to S3, then one CloudFront invalidation.

``objects`` (what each file is: kind, headers, bytes as uploaded, digest) and ``plan`` (what to
upload, in which order, what to delete and invalidate) are pure; ``s3`` holds every boto3 call;
``command`` reads the site folder and runs the plan. See docs/deploy.md, "Publishing the site".
"""
