"""The W3C SPARQL 1.1 Protocol tests as a table, written by ``tests/w3c/generate.py`` from the vendored manifests
(W3C rdf-tests, licence in ``tests/w3c/LICENSE``). Do not edit by hand: change the generator and rerun it."""
# flake8: noqa
# fmt: off

CASES = [
    # protocol/manifest.ttl#query_post_form — query via URL-encoded POST
    {'id': 'query_post_form',
     'name': 'query via URL-encoded POST',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/x-www-form-urlencoded']],
                   'body': {'chars': 'query=ASK%20%7B%7D', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_dataset_default_graphs_get — GET query with protocol-specified default graph
    {'id': 'query_dataset_default_graphs_get',
     'name': 'GET query with protocol-specified default graph',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf']],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_dataset_default_graphs_post — POST query with protocol-specified default graphs
    {'id': 'query_dataset_default_graphs_post',
     'name': 'POST query with protocol-specified default graphs',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf']],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type . '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type . }',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_dataset_named_graphs_post — POST query with protocol-specified named graphs
    {'id': 'query_dataset_named_graphs_post',
     'name': 'POST query with protocol-specified named graphs',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf']],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } '
                                     'GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_dataset_named_graphs_get — GET query with protocol-specified named graphs
    {'id': 'query_dataset_named_graphs_get',
     'name': 'GET query with protocol-specified named graphs',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf']],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20%7D%20%7D&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_dataset_full — query with protocol-specified dataset (both named and default graphs)
    {'id': 'query_dataset_full',
     'name': 'query with protocol-specified dataset (both named and default graphs)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf'],
                    ['data3.nt', 'http://kasei.us/2009/09/sparql/data/data3.rdf']],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata3.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '  <http://kasei.us/2009/09/sparql/data/data3.rdf> a ?type\n'
                                     '  GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type }\n'
                                     '  GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_multiple_dataset — query specifying dataset in both query string and protocol; test for use of protocol-specified dataset
    {'id': 'query_multiple_dataset',
     'name': 'query specifying dataset in both query string and protocol; test for use of protocol-specified dataset',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [['data1.nt', 'http://kasei.us/2009/09/sparql/data/data1.rdf'],
                    ['data2.nt', 'http://kasei.us/2009/09/sparql/data/data2.rdf'],
                    ['data3.nt', 'http://kasei.us/2009/09/sparql/data/data3.rdf']],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK FROM <http://kasei.us/2009/09/sparql/data/data3.rdf> { GRAPH ?g1 { '
                                     '<http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } GRAPH ?g2 { '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_get — query via GET
    {'id': 'query_get',
     'name': 'query via GET',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_content_type_select — query appropriate content type (expect one of: XML, JSON, CSV, TSV)
    {'id': 'query_content_type_select',
     'name': 'query appropriate content type (expect one of: XML, JSON, CSV, TSV)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'SELECT (1 AS ?value) {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': 'tabular',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_content_type_ask — query appropriate content type (expect one of: XML, JSON)
    {'id': 'query_content_type_ask',
     'name': 'query appropriate content type (expect one of: XML, JSON)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_content_type_describe — query appropriate content type (expect one of: RDF/XML, Turtle, N-Triples, RDFa)
    {'id': 'query_content_type_describe',
     'name': 'query appropriate content type (expect one of: RDF/XML, Turtle, N-Triples, RDFa)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'DESCRIBE <http://example.org/>', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': 'RDF',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_content_type_construct — query appropriate content type (expect one of: RDF/XML, Turtle, N-Triples, RDFa)
    {'id': 'query_content_type_construct',
     'name': 'query appropriate content type (expect one of: RDF/XML, Turtle, N-Triples, RDFa)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'CONSTRUCT { <s> <p> 1 } WHERE {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': 'RDF',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_dataset_default_graph — update with protocol-specified default graph
    {'id': 'update_dataset_default_graph',
     'name': 'update with protocol-specified default graph',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?using-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'PREFIX dc: <http://purl.org/dc/terms/>\n'
                                     'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n'
                                     'CLEAR ALL ;\n'
                                     'INSERT DATA {\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> {\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document\n'
                                     '    }\n'
                                     '} ;\n'
                                     'INSERT {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-test/> {\n'
                                     '        ?s a dc:BibliographicResource\n'
                                     '    }\n'
                                     '}\n'
                                     'WHERE {\n'
                                     '    ?s a foaf:Document\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-test/> {\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data1.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource>\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_dataset_default_graphs — update with protocol-specified default graphs
    {'id': 'update_dataset_default_graphs',
     'name': 'update with protocol-specified default graphs',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?using-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&using-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'PREFIX dc: <http://purl.org/dc/terms/>\n'
                                     'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n'
                                     'DROP ALL ;\n'
                                     'INSERT DATA {\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }\n'
                                     '} ;\n'
                                     'INSERT {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n'
                                     '        ?s a dc:BibliographicResource\n'
                                     '    }\n'
                                     '}\n'
                                     'WHERE {\n'
                                     '    ?s a foaf:Document\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data1.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data2.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '    }\n'
                                     '    FILTER NOT EXISTS {\n'
                                     '        GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n'
                                     '            <http://kasei.us/2009/09/sparql/data/data3.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '        }\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_dataset_named_graphs — update with protocol-specified named graphs
    {'id': 'update_dataset_named_graphs',
     'name': 'update with protocol-specified named graphs',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?using-named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&using-named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'PREFIX dc: <http://purl.org/dc/terms/>\n'
                                     'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n'
                                     'DROP ALL ;\n'
                                     'INSERT DATA {\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }\n'
                                     '} ;\n'
                                     'INSERT {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n'
                                     '        ?s a dc:BibliographicResource\n'
                                     '    }\n'
                                     '}\n'
                                     'WHERE {\n'
                                     '    GRAPH ?g {\n'
                                     '        ?s a foaf:Document\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data1.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data2.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '    }\n'
                                     '    FILTER NOT EXISTS {\n'
                                     '        GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n'
                                     '            <http://kasei.us/2009/09/sparql/data/data3.rdf> a '
                                     '<http://purl.org/dc/terms/BibliographicResource> .\n'
                                     '        }\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_dataset_full — update with protocol-specified dataset (both named and default graphs)
    {'id': 'update_dataset_full',
     'name': 'update with protocol-specified dataset (both named and default graphs)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?using-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&using-named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'PREFIX dc: <http://purl.org/dc/terms/>\n'
                                     'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n'
                                     'DROP ALL ;\n'
                                     'INSERT DATA {\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }\n'
                                     '    GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { '
                                     '<http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }\n'
                                     '} ;\n'
                                     'INSERT {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n'
                                     '        ?s <http://example.org/in> ?in\n'
                                     '    }\n'
                                     '}\n'
                                     'WHERE {\n'
                                     '    {\n'
                                     '        GRAPH ?g { ?s a foaf:Document }\n'
                                     '        BIND(?g AS ?in)\n'
                                     '    }\n'
                                     '    UNION\n'
                                     '    {\n'
                                     '        ?s a foaf:Document .\n'
                                     '        BIND("default" AS ?in)\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data1.rdf> <http://example.org/in> '
                                     '"default" .\n'
                                     '        <http://kasei.us/2009/09/sparql/data/data2.rdf> <http://example.org/in> '
                                     '<http://kasei.us/2009/09/sparql/data/data2.rdf> .\n'
                                     '    }\n'
                                     '    FILTER NOT EXISTS {\n'
                                     '        GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n'
                                     '            <http://kasei.us/2009/09/sparql/data/data3.rdf> ?p ?o\n'
                                     '        }\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_post_form — update via URL-encoded POST
    {'id': 'update_post_form',
     'name': 'update via URL-encoded POST',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/x-www-form-urlencoded']],
                   'body': {'chars': 'update=CLEAR+ALL', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_post_direct — update via POST directly
    {'id': 'update_post_direct',
     'name': 'update via POST directly',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'CLEAR ALL', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#update_base_uri — test for service-defined BASE URI ("which MAY be the service endpoint")
    {'id': 'update_base_uri',
     'name': 'test for service-defined BASE URI ("which MAY be the service endpoint")',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\n'
                                     'INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { '
                                     '<http://example.org/s> <http://example.org/p> <test> } }',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {\n'
                                     '    GRAPH <http://example.org/protocol-base-test/> {\n'
                                     '        <http://example.org/s> <http://example.org/p> ?o\n'
                                     '        FILTER (isIRI(?o) && STR(?o) != "test")\n'
                                     '    }\n'
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#query_post_direct — query via POST directly
    {'id': 'query_post_direct',
     'name': 'query via POST directly',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query']],
                   'body': {'chars': 'ASK {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['2xx', '3xx'],
                              'boolean': True,
                              'format': 'boolean',
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_method — invoke query operation with a method other than GET or POST
    {'id': 'bad_query_method',
     'name': 'invoke query operation with a method other than GET or POST',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/sparql/?query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf',
                   'headers': [['content-type', 'application/x-www-form-urlencoded']],
                   'body': None,
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_multiple_queries — invoke query operation with more than one query string
    {'id': 'bad_multiple_queries',
     'name': 'invoke query operation with more than one query string',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_wrong_media_type — invoke query operation with a POST with media type that's not url-encoded or application/sparql-query
    {'id': 'bad_query_wrong_media_type',
     'name': "invoke query operation with a POST with media type that's not url-encoded or application/sparql-query",
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'text/plain']],
                   'body': {'chars': 'ASK {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_missing_form_type — invoke query operation with url-encoded body, but without application/x-www-form-urlencoded media type
    {'id': 'bad_query_missing_form_type',
     'name': 'invoke query operation with url-encoded body, but without application/x-www-form-urlencoded media type',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [],
                   'body': {'chars': 'query=ASK%20%7B%7D', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_missing_direct_type — invoke query operation with SPARQL body, but without application/sparql-query media type
    {'id': 'bad_query_missing_direct_type',
     'name': 'invoke query operation with SPARQL body, but without application/sparql-query media type',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [],
                   'body': {'chars': 'ASK {}', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_non_utf8 — invoke query operation with direct POST, but with a non-UTF8 encoding (UTF-16)
    {'id': 'bad_query_non_utf8',
     'name': 'invoke query operation with direct POST, but with a non-UTF8 encoding (UTF-16)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-query; charset=UTF-16']],
                   'body': {'chars': 'ASK {}', 'encoding': 'UTF-16'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_query_syntax — invoke query operation with invalid query syntax (4XX result)
    {'id': 'bad_query_syntax',
     'name': 'invoke query operation with invalid query syntax (4XX result)',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?query=ASK%20%7B',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_get — invoke update operation with GET
    {'id': 'bad_update_get',
     'name': 'invoke update operation with GET',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'GET',
                   'path': '/sparql/?update=CLEAR%20ALL',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_multiple_updates — invoke update operation with more than one update string
    {'id': 'bad_multiple_updates',
     'name': 'invoke update operation with more than one update string',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/x-www-form-urlencoded']],
                   'body': {'chars': 'update=CLEAR%20NAMED&update=CLEAR%20DEFAULT', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_wrong_media_type — invoke update operation with a POST with media type that's not url-encoded or application/sparql-update
    {'id': 'bad_update_wrong_media_type',
     'name': "invoke update operation with a POST with media type that's not url-encoded or application/sparql-update",
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'text/plain']],
                   'body': {'chars': 'CLEAR NAMED', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_missing_form_type — invoke update operation with url-encoded body, but without application/x-www-form-urlencoded media type
    {'id': 'bad_update_missing_form_type',
     'name': 'invoke update operation with url-encoded body, but without application/x-www-form-urlencoded media type',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [],
                   'body': {'chars': 'update=CLEAR%20NAMED', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_non_utf8 — invoke update operation with direct POST, but with a non-UTF8 encoding
    {'id': 'bad_update_non_utf8',
     'name': 'invoke update operation with direct POST, but with a non-UTF8 encoding',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/sparql-update; charset=UTF-16']],
                   'body': {'chars': 'CLEAR NAMED', 'encoding': 'UTF-16'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_syntax — invoke update operation with invalid update syntax
    {'id': 'bad_update_syntax',
     'name': 'invoke update operation with invalid update syntax',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/',
                   'headers': [['content-type', 'application/x-www-form-urlencoded']],
                   'body': {'chars': 'update=CLEAR%20XYZ', 'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # protocol/manifest.ttl#bad_update_dataset_conflict — invoke update with both using-graph-uri/using-named-graph-uri parameter and USING/WITH clause
    {'id': 'bad_update_dataset_conflict',
     'name': 'invoke update with both using-graph-uri/using-named-graph-uri parameter and USING/WITH clause',
     'manifest': 'protocol/manifest.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/sparql/?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople',
                   'headers': [['content-type', 'application/sparql-update']],
                   'body': {'chars': 'PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\n'
                                     'WITH <http://example/addresses>\n'
                                     "DELETE { ?person foaf:givenName 'Bill' }\n"
                                     "INSERT { ?person foaf:givenName 'William' }\n"
                                     'WHERE {\n'
                                     "    ?person foaf:givenName 'Bill'\n"
                                     '}',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['4xx'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
]
