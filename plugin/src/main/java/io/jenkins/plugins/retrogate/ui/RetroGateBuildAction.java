package io.jenkins.plugins.retrogate.ui;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.RunAction2;

/**
 * What Retro Gate did in one build — gate decisions, deployments, the incident a rollback opened,
 * items added — stored with the build (its {@code build.xml}) so that the summary panel renders
 * without reading the store. Steps change it only through {@link #update}.
 * <p>
 * The lists are copy-on-write: an addition publishes a new list and no published list is ever
 * changed, so the build's save (XStream walks the lists without any lock of ours) never meets a
 * list being modified. They are {@link ArrayList}s because XStream cannot read back the JDK's
 * immutable lists.
 */
public final class RetroGateBuildAction implements RunAction2 {
    private static final Object LOCK = new Object();

    private volatile List<GateRecord> gates = new ArrayList<>();
    private volatile List<DeploymentRecord> deployments = new ArrayList<>();
    private volatile List<IncidentRecord> incidents = new ArrayList<>();
    private volatile List<ItemRecord> items = new ArrayList<>();
    private transient Run<?, ?> run;

    /** Changes the build's record (creating it on first use) and saves the build. */
    public static void update(Run<?, ?> run, Consumer<RetroGateBuildAction> change) throws IOException {
        synchronized (LOCK) {
            RetroGateBuildAction action = run.getAction(RetroGateBuildAction.class);
            if (action == null) {
                action = new RetroGateBuildAction();
                run.addAction(action);
            }
            change.accept(action);
        }
        run.save();
    }

    /** The record of a build, or {@code null} when no Retro Gate step ran in it. */
    public static RetroGateBuildAction of(Run<?, ?> run) {
        return run.getAction(RetroGateBuildAction.class);
    }

    public void add(GateRecord gate) {
        synchronized (LOCK) {
            gates = appended(gates, gate);
        }
    }

    public void add(DeploymentRecord deployment) {
        synchronized (LOCK) {
            deployments = appended(deployments, deployment);
        }
    }

    public void add(IncidentRecord incident) {
        synchronized (LOCK) {
            incidents = appended(incidents, incident);
        }
    }

    public void add(ItemRecord item) {
        synchronized (LOCK) {
            items = appended(items, item);
        }
    }

    /** A new list: the published one is never changed. */
    private static <T> List<T> appended(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list == null ? 0 : list.size() + 1);
        if (list != null) {
            copy.addAll(list);
        }
        copy.add(element);
        return copy;
    }

    /** Builds saved before a kind of record existed read back without its list. */
    private Object readResolve() {
        gates = gates == null ? new ArrayList<>() : gates;
        deployments = deployments == null ? new ArrayList<>() : deployments;
        incidents = incidents == null ? new ArrayList<>() : incidents;
        items = items == null ? new ArrayList<>() : items;
        return this;
    }

    /** The gate record that raised override request {@code requestId}, or {@code null}. */
    public GateRecord gateOfRequest(String requestId) {
        synchronized (LOCK) {
            for (int i = gates.size() - 1; i >= 0; i--) {
                if (requestId != null && requestId.equals(gates.get(i).getRequestId())) {
                    return gates.get(i);
                }
            }
            return null;
        }
    }

    /** The latest decision of this build for a service and environment, or {@code null}. */
    public GateRecord lastGate(String service, String environment) {
        synchronized (LOCK) {
            for (int i = gates.size() - 1; i >= 0; i--) {
                GateRecord gate = gates.get(i);
                if (gate.getService().equals(service) && gate.getEnvironment().equals(environment)) {
                    return gate;
                }
            }
            return null;
        }
    }

    /** The deployment {@code id} of this build, or {@code null}. */
    public DeploymentRecord deployment(String id) {
        synchronized (LOCK) {
            return deployments.stream().filter(d -> d.getDeploymentId().equals(id)).findFirst().orElse(null);
        }
    }

    /** The latest deployment of this build to a service and environment, or {@code null}. */
    public DeploymentRecord lastDeployment(String service, String environment) {
        synchronized (LOCK) {
            for (int i = deployments.size() - 1; i >= 0; i--) {
                DeploymentRecord deployment = deployments.get(i);
                if (deployment.getService().equals(service) && deployment.getEnvironment().equals(environment)) {
                    return deployment;
                }
            }
            return null;
        }
    }

    public List<GateRecord> getGates() {
        synchronized (LOCK) {
            return List.copyOf(gates);
        }
    }

    public List<DeploymentRecord> getDeployments() {
        synchronized (LOCK) {
            return List.copyOf(deployments);
        }
    }

    public List<IncidentRecord> getIncidents() {
        synchronized (LOCK) {
            return List.copyOf(incidents);
        }
    }

    public List<ItemRecord> getItems() {
        synchronized (LOCK) {
            return List.copyOf(items);
        }
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The panel is the only view: no link in the side panel. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Retro Gate";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
