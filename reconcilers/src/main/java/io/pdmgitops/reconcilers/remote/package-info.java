/** Observing remotes: secrets from references, clients per remote, one bulk poll each. */
package io.pdmgitops.reconcilers.remote;
