/** Acting on guests: power and placement actions, journaled, sent, and followed to their end. */
package io.pdmgitops.reconcilers.guest;
