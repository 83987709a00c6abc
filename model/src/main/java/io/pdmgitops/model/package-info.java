/** The domain: desired-state kinds, YAML loading and validation. Pure Java, no framework. */
package io.pdmgitops.model;
