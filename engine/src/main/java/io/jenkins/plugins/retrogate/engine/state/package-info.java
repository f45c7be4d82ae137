/**
 * The state: the fold of the events, with the indexes and listings the pages and commands read.
 * Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}; SpotBugs
 * checks callers against that.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.state;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
