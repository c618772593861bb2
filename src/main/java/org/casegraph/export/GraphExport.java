package org.casegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.casegraph.access.SensitiveReadAudit;
import org.casegraph.entity.Citation;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityRepository;
import org.casegraph.entity.Event;
import org.casegraph.graph.RelationshipTypes;
import org.casegraph.graph.Vocabulary;
import org.casegraph.importer.Progress;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.support.InvalidArgumentException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Exports the graph, or the subgraph of one entity, as the caller may see it, page by
 * page: memory holds one page of entities or relationships at a time (and, for a
 * subgraph, the ids in it), whatever the size of the graph. Each page is a read
 * transaction of its own, so a graph edited during a long export may show the edit in
 * later pages only. Reads by investigators and up are written to the audit trail page by
 * page, as GraphQL records them ({@link SensitiveReadAudit}): every sensitive record, or
 * record with sensitive fields, that the export held.
 */
@Component
public class GraphExport {

    static final int PAGE = 500;

    private final ExportRepository exports;

    private final EntityRepository entities;

    private final Vocabulary vocabulary;

    private final SensitiveReadAudit audit;

    GraphExport(ExportRepository exports, EntityRepository entities, Vocabulary vocabulary, SensitiveReadAudit audit) {
        this.exports = exports;
        this.entities = entities;
        this.vocabulary = vocabulary;
        this.audit = audit;
    }

    /**
     * A checked export, ready to write: the entity resolved (an old id finds the entity
     * it was merged into).
     */
    public record Plan(ExportRequest request, Entity entity, String typePattern, List<String> scope) {
    }

    /** What an export wrote. */
    public record Summary(ExportFormat format, long entities, long relationships) {
    }

    /**
     * Checks what the database must answer (the entity exists for this caller, the
     * relationship types are known) before anything is written, so that a bad request is
     * refused with its reason.
     */
    public Plan plan(ExportRequest request) {
        String typePattern = RelationshipTypes.pattern(this.vocabulary, "relationshipTypes",
                request.relationshipTypes());
        if (request.entityId() == null) {
            return new Plan(request, null, typePattern, null);
        }
        Entity entity = this.entities.findById(request.entityId(), request.visible())
            .orElseThrow(() -> new InvalidArgumentException("entityId",
                    "no entity has the id '" + request.entityId() + "'"));
        List<String> scope = request.format() == ExportFormat.TIMELINEJS ? null
                : this.exports.subgraphIds(entity.id(), request.depth(), typePattern, request.visible());
        return new Plan(request, entity, typePattern, scope);
    }

    /** Writes the export to {@code out}, reporting progress; {@code out} is left open. */
    public Summary write(Plan plan, OutputStream out, Progress progress) throws IOException {
        // The mapper notes every record a web request reads for GraphQL's audit; an
        // export of a million entities
        // must not hold a million ids, so the export runs outside the request's
        // attributes and audits page by page.
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        try {
            if (plan.entity() != null) {
                audit(plan.request(), List.of(plan.entity().id()));
            }
            return plan.request().format() == ExportFormat.TIMELINEJS ? timeline(plan, out, progress)
                    : graph(plan, out, progress);
        }
        finally {
            if (attributes != null) {
                RequestContextHolder.setRequestAttributes(attributes);
            }
        }
    }

    private Summary graph(Plan plan, OutputStream out, Progress progress) throws IOException {
        ExportRequest request = plan.request();
        List<String> visible = request.visible();
        ExportWriter writer = switch (request.format()) {
            case FTM -> new FtmWriter(out);
            case GRAPHML -> new GraphMlWriter(out);
            case CSV -> new CsvZipWriter(out);
            case TIMELINEJS -> throw new IllegalStateException("a timeline is not a graph");
        };
        long total = plan.scope() == null ? this.exports.countEntities(visible) : plan.scope().size();
        long[] done = { 0 };
        progress.update(Phase.EXPORTING_ENTITIES, 0, total);
        Set<String> cited = new LinkedHashSet<>();
        forEachPage(plan, (ids) -> this.exports.entities(ids, visible),
                (after) -> this.exports.entityPage(after, PAGE, visible), Entity::id, (page) -> {
                    Map<String, Entity> documents = documents(page, Entity::sources, visible);
                    writer.entities(page, documents);
                    audit(request, ExportRepository.ids(page));
                    cited.addAll(documents.keySet());
                    done[0] += page.size();
                    progress.update(Phase.EXPORTING_ENTITIES, done[0], total);
                });
        if (writer instanceof FtmWriter ftm && plan.scope() != null) {
            documentsOutside(ftm, cited, visible, request);
        }
        long links = this.exports.countRelationships(plan.scope(), plan.typePattern(), visible);
        long[] linksDone = { 0 };
        progress.update(Phase.EXPORTING_RELATIONSHIPS, 0, links);
        Set<String> inScope = plan.scope() == null ? null : new HashSet<>(plan.scope());
        forEachPage(plan, (ids) -> ids, (after) -> this.exports.idPage(after, PAGE, visible), (id) -> id, (ids) -> {
            List<ExportRepository.Link> page = this.exports.relationshipsFrom(ids, plan.typePattern(), visible)
                .stream()
                .filter((link) -> inScope == null || inScope.contains(link.relationship().toId()))
                .toList();
            if (!page.isEmpty()) {
                writer.relationships(page, documents(page, (link) -> link.relationship().sources(), visible));
                audit(request, page.stream().map((link) -> link.relationship().id()).toList());
                linksDone[0] += page.size();
                progress.update(Phase.EXPORTING_RELATIONSHIPS, linksDone[0], links);
            }
        });
        progress.update(Phase.EXPORTING_RELATIONSHIPS, links, links);
        writer.finish();
        return new Summary(request.format(), writer.written().entities(), writer.written().relationships());
    }

    /**
     * FtM's {@code proof} must point at entities in the file: a subgraph's citations of
     * documents outside it bring those documents in (and the documents they cite), as
     * entities without their relationships.
     */
    private void documentsOutside(FtmWriter ftm, Set<String> cited, List<String> visible, ExportRequest request)
            throws IOException {
        Set<String> pending = new LinkedHashSet<>(cited);
        pending.removeIf(ftm::holds);
        while (!pending.isEmpty()) {
            List<String> ids = pending.stream().limit(PAGE).toList();
            ids.forEach(pending::remove);
            List<Entity> page = this.exports.entities(ids, visible);
            Map<String, Entity> documents = documents(page, Entity::sources, visible);
            ftm.entities(page, documents);
            audit(request, ExportRepository.ids(page));
            documents.keySet().stream().filter((id) -> !ftm.holds(id)).forEach(pending::add);
        }
    }

    /** Handles one page of an export; may write. */
    @FunctionalInterface
    private interface PageHandler<T> {

        void handle(List<T> page) throws IOException;

    }

    /**
     * Pages through the export's entities in id order: the whole graph by key
     * ({@code after}: the last id of the page before), a subgraph by slices of its ids
     * ({@code ofIds}).
     */
    private <T> void forEachPage(Plan plan, Function<List<String>, List<T>> ofIds, Function<String, List<T>> after,
            Function<T, String> id, PageHandler<T> handler) throws IOException {
        if (plan.scope() != null) {
            List<String> scope = plan.scope();
            for (int from = 0; from < scope.size(); from += PAGE) {
                List<T> page = ofIds.apply(scope.subList(from, Math.min(scope.size(), from + PAGE)));
                if (!page.isEmpty()) {
                    handler.handle(page);
                }
            }
            return;
        }
        List<T> page = after.apply("");
        while (!page.isEmpty()) {
            handler.handle(page);
            page = page.size() < PAGE ? List.of() : after.apply(id.apply(page.get(page.size() - 1)));
        }
    }

    private Summary timeline(Plan plan, OutputStream out, Progress progress) throws IOException {
        ExportRequest request = plan.request();
        List<String> visible = request.visible();
        String span = (request.from() == null ? "" : " from " + request.from())
                + (request.to() == null ? "" : " to " + request.to());
        TimelineJsWriter writer = new TimelineJsWriter(out,
                plan.entity() == null ? "CaseGraph timeline" : plan.entity().name(),
                "Events" + (plan.entity() == null ? ""
                        : " involving " + plan.entity().name() + " directly or through its cases") + span
                        + ", each with the quotes it rests on.");
        String entityId = plan.entity() == null ? null : plan.entity().id();
        int skip = 0;
        ExportRepository.TimelineEvent last = null;
        List<ExportRepository.TimelineEvent> page;
        do {
            page = this.exports.timeline(entityId, request.from(), request.to(), last, PAGE, visible);
            if (page.isEmpty()) {
                break;
            }
            List<Event> events = page.stream().map(ExportRepository.TimelineEvent::event).toList();
            Map<String, ExportRepository.EventCase> cases = this.exports.eventCases(ExportRepository.ids(events),
                    visible);
            writer.events(events, cases, documents(events, Entity::sources, visible));
            List<String> read = new ArrayList<>(ExportRepository.ids(events));
            page.forEach((event) -> read.addAll(event.via()));
            cases.values().forEach((matter) -> {
                read.add(matter.caseId());
                if (matter.via() != null) {
                    read.add(matter.via());
                }
            });
            audit(request, read);
            skip += page.size();
            last = page.get(page.size() - 1);
            progress.update(Phase.EXPORTING_EVENTS, skip, page.size() < PAGE ? skip : skip + PAGE);
        }
        while (page.size() == PAGE);
        progress.update(Phase.EXPORTING_EVENTS, skip, skip);
        writer.finish();
        return new Summary(request.format(), writer.eventsWritten(), 0);
    }

    /** The visible documents the items cite, by id, in one query. */
    private <T> Map<String, Entity> documents(List<T> items, Function<T, List<Citation>> sources,
            List<String> visible) {
        Set<String> ids = new HashSet<>();
        items.forEach((item) -> sources.apply(item).forEach((citation) -> ids.add(citation.documentId())));
        return ids.isEmpty() ? Map.of() : this.entities.findAllById(ids, visible);
    }

    private void audit(ExportRequest request, List<String> ids) {
        if (request.audited()) {
            this.audit.record(request.actor(), ids);
        }
    }

}
