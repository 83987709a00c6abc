package io.pdmgitops.model.observed;

/** Why a remote could not be observed; each has its own fix. */
public enum Unreachability {
  /** No endpoint answered: refused, timed out, unreachable. */
  CONNECTION,
  /** An endpoint presented a certificate other than the pinned one. */
  CERTIFICATE,
  /** The token was refused. */
  AUTHENTICATION,
  /** The token's secret could not be read from its reference. */
  SECRET,
  /** Anything else the remote answered instead of data. */
  ERROR
}
