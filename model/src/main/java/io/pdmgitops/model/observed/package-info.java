/** What the fleet reports: one inventory per poll, built by the controller from bulk calls. */
package io.pdmgitops.model.observed;
