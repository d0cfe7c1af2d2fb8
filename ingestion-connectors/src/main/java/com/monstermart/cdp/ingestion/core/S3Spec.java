package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph) polled for new objects.
 *
 * @param endpoint e.g. {@code https://s3.eu-west-1.amazonaws.com} or {@code http://127.0.0.1:9000}
 * @param region signing region (default {@code us-east-1})
 * @param bucket bucket name
 * @param prefix only keys under this prefix
 * @param accessKey access key id
 * @param secretKey secret access key (never returned by the REST API)
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}; default true, as MinIO wants)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S3Spec(
        String endpoint,
        String region,
        String bucket,
        String prefix,
        String accessKey,
        String secretKey,
        Boolean pathStyle) {
    public S3Spec {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        prefix = prefix == null ? "" : prefix;
        pathStyle = pathStyle == null || pathStyle;
    }

    public S3Spec redacted() {
        return new S3Spec(
                endpoint, region, bucket, prefix, accessKey, secretKey == null ? null : "********", pathStyle);
    }
}
