package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One action item at {@code /retro-gate/item/INC-n-Am/}, with forms to resolve, reopen or drop it.
 * There is no way to verify an item here: only a successful production deployment does.
 */
public final class ItemPage {
    private final RetroGatePage page;
    private final ActionItem item;

    ItemPage(RetroGatePage page, ActionItem item) {
        this.page = page;
        this.item = item;
    }

    public ActionItem getItem() {
        return item;
    }

    public String getDisplayName() {
        return item.id() + " " + item.title();
    }

    public boolean isManager() {
        return page.jenkins().hasPermission(RetroGatePermissions.MANAGE);
    }

    /** Like {@link ItemPage#getItem()}'s ticket URL, but only when it is an http(s) link. */
    public String getTicketUrl() {
        Ticket ticket = item.ticket();
        String url = ticket == null ? null : ticket.url();
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    @POST
    public HttpResponse doResolve(@QueryParameter String fix) {
        page.jenkins().checkPermission(RetroGatePermissions.MANAGE);
        page.command(engine -> engine.resolveItem(Actors.currentUser(page.jenkins()), item.id(),
                IncidentPage.text(fix)));
        return HttpResponses.redirectToDot();
    }

    @POST
    public HttpResponse doReopen(@QueryParameter String reason) {
        page.jenkins().checkPermission(RetroGatePermissions.MANAGE);
        page.command(engine -> engine.reopenItem(Actors.currentUser(page.jenkins()), item.id(), reason));
        return HttpResponses.redirectToDot();
    }

    /** Dropping a blocking item also needs Override; the engine refuses it otherwise. */
    @POST
    public HttpResponse doDrop(@QueryParameter String reason) {
        page.jenkins().checkPermission(RetroGatePermissions.MANAGE);
        page.command(engine -> engine.dropItem(Actors.currentUser(page.jenkins()), item.id(), reason));
        return HttpResponses.redirectToDot();
    }

    /** {@code at} as the page shows times (see {@link Times}). */
    public String time(java.time.Instant at) {
        return Times.format(at);
    }
}
