/**
 * The reconciler contract, in the Java Operator SDK's style: a reconciler returns a result object
 * and never throws for an expected outcome.
 */
package io.pdmgitops.reconcilers.engine;
