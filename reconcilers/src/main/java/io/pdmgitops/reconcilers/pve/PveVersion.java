package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** {@code GET /version}. */
public record PveVersion(String version, Optional<String> release, Optional<String> repoid) {}
