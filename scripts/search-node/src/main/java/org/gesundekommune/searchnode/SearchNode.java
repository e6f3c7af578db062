package org.gesundekommune.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node, assembled from the Maven Central jars in the classpath
 * instead of a distribution: the HTTP/transport layer (Netty4Plugin), the
 * analysers with German stemming, stop words, normalisation and the dictionary
 * decompounder (CommonAnalysisPlugin), and the extra field types modelsearch
 * maps (MapperExtrasPlugin).
 *
 * Usage: java -cp ... SearchNode path/to/opensearch.yml
 * The YAML holds the usual node settings (path.home, path.data, http.port,
 * cluster.name, discovery ...); scripts/search-node.sh writes it.
 */
public final class SearchNode {

    private SearchNode() {}

    static final class ModuleNode extends Node {
        ModuleNode(Environment environment) {
            super(
                environment,
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class),
                true
            );
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SearchNode <opensearch.yml>");
            System.exit(2);
        }
        Path config = Path.of(args[0]).toAbsolutePath();
        Settings settings = Settings.builder().loadFromPath(config).build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Files.createDirectories(Path.of(settings.get("path.home"), "config"));
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings,
            Collections.emptyMap(),
            config.getParent(),
            () -> settings.get("node.name")
        );
        Node node = new ModuleNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        node.start();
        stopped.await();
    }
}
