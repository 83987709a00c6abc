/**
 * Webhooks from Git hosts and CI: signed deliveries that make the controller fetch at once instead
 * of at the next poll. Inbound only; what a fetch brings is reconciled as any commit.
 */
package io.pdmgitops.controller.webhooks;
