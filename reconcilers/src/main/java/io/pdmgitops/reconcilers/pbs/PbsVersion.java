package io.pdmgitops.reconcilers.pbs;

import java.util.Optional;

/** {@code GET /version}: PBS splits major.minor and the patch release. */
public record PbsVersion(String version, Optional<String> release, Optional<String> repoid) {}
