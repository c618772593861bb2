package org.casegraph.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code casegraph.ingest.*}.
 *
 * @param maxBytes the largest file accepted, before any parsing
 * @param maxChars the most text one file may extract to; more is taken for a parser bomb
 */
@ConfigurationProperties("casegraph.ingest")
public record IngestProperties(@DefaultValue("20MB") DataSize maxBytes, @DefaultValue("5000000") int maxChars) {
}
