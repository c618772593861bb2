package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Stanford CoreNLP's named-entity recogniser for names the graph does not know yet. The
 * pipeline is built on first use, never at start-up: the service that never ingests runs
 * in a 256 MiB heap, and the pipeline alone needs about {@value #NEEDED_MB} MiB. This
 * class is the only one that names CoreNLP types, so they load only when it does.
 */
final class NamedEntities {

    /**
     * Heap the coarse pipeline needs on top of the service (measured: see the README's
     * ingest section).
     */
    static final long NEEDED_MB = 512;

    record Found(int start, int end, String text, String label) {
    }

    private static volatile StanfordCoreNLP pipeline;

    private NamedEntities() {
    }

    /**
     * Person, organization and location names with their character offsets in
     * {@code text}.
     */
    static List<Found> find(String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline().annotate(document);
        List<Found> found = new ArrayList<>();
        for (CoreEntityMention mention : document.entityMentions()) {
            var offsets = mention.charOffsets();
            found.add(new Found(offsets.first(), offsets.second(), mention.text(), mention.entityType()));
        }
        return found;
    }

    static void requireHeap() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (pipeline == null && maxMb < NEEDED_MB) {
            throw new IngestException(IngestException.Kind.HEAP,
                    "ingesting needs a heap of at least " + NEEDED_MB + " MiB for the name recogniser; this JVM has "
                            + maxMb + " MiB: start it with -Xmx" + NEEDED_MB + "m or more");
        }
    }

    private static StanfordCoreNLP pipeline() {
        StanfordCoreNLP built = pipeline;
        if (built == null) {
            synchronized (NamedEntities.class) {
                built = pipeline;
                if (built == null) {
                    requireHeap();
                    Properties properties = new Properties();
                    properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
                    properties.setProperty("tokenize.options", "invertible=true");
                    properties.setProperty("pos.model",
                            "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
                    // Coarse names only: the fine-grained and numeric models and SUTime
                    // need twice the heap and are shipped nowhere; dates are found by
                    // Proposals. The CoNLL 4-class model found nothing more on the seeds
                    // (ingest-eval), so it is not shipped either.
                    properties.setProperty("ner.model",
                            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
                    properties.setProperty("ner.applyFineGrained", "false");
                    properties.setProperty("ner.applyNumericClassifiers", "false");
                    properties.setProperty("ner.useSUTime", "false");
                    properties.setProperty("ner.buildEntityMentions", "true");
                    properties.setProperty("ner.docdate.usePresent", "false");
                    built = new StanfordCoreNLP(properties);
                    pipeline = built;
                }
            }
        }
        return built;
    }

}
