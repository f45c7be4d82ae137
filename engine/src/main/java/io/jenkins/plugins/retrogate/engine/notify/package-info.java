/**
 * Telling people about override requests: when one is raised, approved, denied or expires, a JSON webhook
 * and a Slack-compatible incoming webhook are called, with retries and back-off. A notification never
 * changes a decision; one that could not be delivered is recorded ({@code notification-failed}) and shows
 * in the report. Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.notify;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
