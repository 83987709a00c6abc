/**
 * Fleet health: what the overviews read from the remotes (subscriptions first) and the findings
 * their rules draw from it, each with a severity, the resource, why and the fix. Pure: the reads
 * happen in the controller.
 */
package io.pdmgitops.model.health;
