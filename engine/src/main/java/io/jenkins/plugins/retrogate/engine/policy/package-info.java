/**
 * The gate policy: the rules, the evaluator and the decision they produce.
 * Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}; SpotBugs
 * checks callers against that.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
