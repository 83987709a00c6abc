/**
 * Fleet health overviews: each reads its part of every remote on its own interval ({@link
 * io.pdmgitops.controller.health.OverviewReads}), and the health port turns the last answers into
 * findings through the model's rules.
 */
package io.pdmgitops.controller.health;
