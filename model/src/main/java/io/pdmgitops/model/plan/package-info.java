/** Drift under policy enforce becomes actions, separately from detecting it. */
package io.pdmgitops.model.plan;
