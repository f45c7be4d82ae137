/**
 * Wording: the blame wording check for text people record (an incident's title and root cause, an
 * item's title, a mitigation, an override's reason), with explainable rules and systems-focused
 * rewordings. Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.wording;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
