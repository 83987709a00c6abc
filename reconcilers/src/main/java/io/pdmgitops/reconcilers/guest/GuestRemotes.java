package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.reconcilers.pve.PveClient;

/**
 * What the executor needs to know about the declared remotes: how to call one, which token it acts
 * with there, and how another cluster reaches one as a migration target. Answers follow the
 * snapshot in force; an unknown or unusable remote throws {@link IllegalStateException} with a
 * message fit for the journal.
 */
public interface GuestRemotes {
  PveClient client(String remote);

  /** The token id the controller acts with, to recognise its own tasks in a node's list. */
  String tokenId(String remote);

  /** The remote as the source cluster of a cross-cluster move must reach it. */
  MigrationTarget migrationTarget(String remote);
}
