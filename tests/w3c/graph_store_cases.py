"""The W3C SPARQL 1.1 Graph Store HTTP Protocol tests as a table, written by ``tests/w3c/generate.py`` from the vendored manifests
(W3C rdf-tests, licence in ``tests/w3c/LICENSE``). Do not edit by hand: change the generator and rerun it."""
# flake8: noqa
# fmt: off

CASES = [
    # graph-store-protocol/manifest-indirect.ttl#put_get_repeat_indirect — PUT/GET repetition on same graph using varying graph identification (indirect graph identification)
    {'id': 'put_get_repeat_indirect',
     'name': 'PUT/GET repetition on same graph using varying graph identification (indirect graph identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "John Doe"\n'
                                                '                               ].\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}},
                  {'method': 'PUT',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "Jane Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "Jane Doe"\n'
                                                '                               ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#put_get_default — PUT/GET on the default graph
    {'id': 'put_get_default',
     'name': 'PUT/GET on the default graph',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': [],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?default',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        []  a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:given-name "Alice"\n'
                                     '                            ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?default',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            []  a foaf:Person;\n'
                                                '                                foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:given-name "Alice"\n'
                                                '                                ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#put_delete_get_delete_indirect — PUT initialization, then DELETE/GET/DELETE (indirect graph identification)
    {'id': 'put_delete_get_delete_indirect',
     'name': 'PUT initialization, then DELETE/GET/DELETE (indirect graph identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        []  a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:given-name "Alice"\n'
                                     '                            ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'DELETE',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['404'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'DELETE',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['200', '204', '404'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#post_get_post_get_indirect — Two iterations os POST/GET, with the second using multipart/form-data  (indirect graph identification)
    {'id': 'post_get_post_get_indirect',
     'name': 'Two iterations os POST/GET, with the second using multipart/form-data  (indirect graph identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                            @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                            @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                            <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                               foaf:businessCard [\n'
                                     '                                    a v:VCard;\n'
                                     '                                    v:fn "Jane Doe"\n'
                                     '                               ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "Jane Doe"\n'
                                                '                               ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}},
                  {'method': 'POST',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'multipart/form-data; boundary=a6fe4cd636164618814be9f8d3d1a0de']],
                   'body': {'chars': '--a6fe4cd636164618814be9f8d3d1a0de\r\n'
                                     'Content-Disposition: form-data; name="lastName.ttl"; filename="lastName.ttl"\r\n'
                                     'Content-Type: text/turtle; charset=utf-8\r\n'
                                     '\r\n'
                                     '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n'
                                     '<http://www.example/gsp/person/1> foaf:familyName "Doe" .\r\n'
                                     '\r\n'
                                     '--a6fe4cd636164618814be9f8d3d1a0de\r\n'
                                     'Content-Disposition: form-data; name="firstName.ttl"; '
                                     'filename="firstName.ttl"\r\n'
                                     'Content-Type: text/turtle; charset=utf-8\r\n'
                                     '\r\n'
                                     '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n'
                                     '<http://www.example/gsp/person/1> foaf:givenName "Jane" .\r\n'
                                     '\r\n'
                                     '--a6fe4cd636164618814be9f8d3d1a0de--\r\n',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                                foaf:givenName      "Jane";\n'
                                                '                                foaf:familyName     "Doe";\n'
                                                '                                foaf:businessCard [\n'
                                                '                                    a               v:VCard;\n'
                                                '                                    v:fn            "Jane Doe"\n'
                                                '                                ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#post_get_new_graph — Graph creation via POST on the GSP endpoint, then GET of the resulting graph (direct graph identification)
    {'id': 'post_get_new_graph',
     'name': 'Graph creation via POST on the GSP endpoint, then GET of the resulting graph (direct graph '
             'identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification', 'POSTGraphCreation'],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/gsp',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        []  a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:given-name "Alice"\n'
                                     '                            ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': '$LOCATION$'}},
                  {'method': 'GET',
                   'path': '/gsp?graph=$LOCATION$',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            []  a foaf:Person;\n'
                                                '                                foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:given-name "Alice"\n'
                                                '                                ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#head_existing_indirect — PUT initialization, then HEAD on existing graph (indirect graph identification)
    {'id': 'head_existing_indirect',
     'name': 'PUT initialization, then HEAD on existing graph (indirect graph identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'HEAD',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['accept', 'text/turtle; charset=utf-8']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': None,
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#head_non_existing_indirect — HEAD on non-existing graph (indirect graph identification)
    {'id': 'head_non_existing_indirect',
     'name': 'HEAD on non-existing graph (indirect graph identification)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'HEAD',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F4.ttl',
                   'headers': [['accept', 'text/turtle; charset=utf-8']],
                   'body': None,
                   'expect': {'status': ['404'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#put_get_uri_pct_encoded_indirect — PUT/GET (indirect graph identification; using varying percent-encoding for the same graph IRI)
    {'id': 'put_get_uri_pct_encoded_indirect',
     'name': 'PUT/GET (indirect graph identification; using varying percent-encoding for the same graph IRI)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http://www.example/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "John Doe"\n'
                                                '                               ].\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-indirect.ttl#put_get_uri_pct_encoded_twice — PUT/PUT/GET/GET (indirect graph identification; checking that we decode percent-encoding only once  — for the request URL query — and not twice)
    {'id': 'put_get_uri_pct_encoded_twice',
     'name': 'PUT/PUT/GET/GET (indirect graph identification; checking that we decode percent-encoding only once  — '
             'for the request URL query — and not twice)',
     'manifest': 'graph-store-protocol/manifest-indirect.ttl',
     'requires': ['IndirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp?graph=http://www.example/gsp/person/%31.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '\n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'PUT',
                   'path': '/gsp?graph=http://www.example/gsp/person/%2531.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '\n'
                                     '                        <http://www.example/gsp/person/2> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "Jane Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http://www.example/gsp/person/%31.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '\n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "John Doe"\n'
                                                '                               ].\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp?graph=http://www.example/gsp/person/%2531.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '\n'
                                                '                            <http://www.example/gsp/person/2> a '
                                                'foaf:Person;\n'
                                                '                                foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "Jane Doe"\n'
                                                '                                ].\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-direct.ttl#put_get_repeat_direct — PUT/GET repetition on same graph using varying graph identification  (direct graph identification)
    {'id': 'put_get_repeat_direct',
     'name': 'PUT/GET repetition on same graph using varying graph identification  (direct graph identification)',
     'manifest': 'graph-store-protocol/manifest-direct.ttl',
     'requires': ['DirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['201'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "John Doe"\n'
                                                '                               ].\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}},
                  {'method': 'PUT',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "Jane Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "Jane Doe"\n'
                                                '                               ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-direct.ttl#put_delete_get_delete_direct — PUT initialization, then DELETE/GET/DELETE (direct graph identification)
    {'id': 'put_delete_get_delete_direct',
     'name': 'PUT initialization, then DELETE/GET/DELETE (direct graph identification)',
     'manifest': 'graph-store-protocol/manifest-direct.ttl',
     'requires': ['DirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp/person/2.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                    \n'
                                     '                        []  a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:given-name "Alice"\n'
                                     '                            ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'DELETE',
                   'path': '/gsp/person/2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp/person/2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['404'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'DELETE',
                   'path': '/gsp/person/2.ttl',
                   'headers': [],
                   'body': None,
                   'expect': {'status': ['200', '204', '404'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}}]},
    # graph-store-protocol/manifest-direct.ttl#post_get_post_get_direct — Two iterations os POST/GET, with the second using multipart/form-data (direct graph identification)
    {'id': 'post_get_post_get_direct',
     'name': 'Two iterations os POST/GET, with the second using multipart/form-data (direct graph identification)',
     'manifest': 'graph-store-protocol/manifest-direct.ttl',
     'requires': ['DirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'POST',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                            @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                            @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                            <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                               foaf:businessCard [\n'
                                     '                                    a v:VCard;\n'
                                     '                                    v:fn "Jane Doe"\n'
                                     '                               ] .\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                               foaf:businessCard [\n'
                                                '                                    a v:VCard;\n'
                                                '                                    v:fn "Jane Doe"\n'
                                                '                               ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}},
                  {'method': 'POST',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['content-type', 'multipart/form-data; boundary=a6fe4cd636164618814be9f8d3d1a0de']],
                   'body': {'chars': '--a6fe4cd636164618814be9f8d3d1a0de\r\n'
                                     'Content-Disposition: form-data; name="lastName.ttl"; filename="lastName.ttl"\r\n'
                                     'Content-Type: text/turtle; charset=utf-8\r\n'
                                     '\r\n'
                                     '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n'
                                     '<http://www.example/gsp/person/1> foaf:familyName "Doe" .\r\n'
                                     '\r\n'
                                     '--a6fe4cd636164618814be9f8d3d1a0de\r\n'
                                     'Content-Disposition: form-data; name="firstName.ttl"; '
                                     'filename="firstName.ttl"\r\n'
                                     'Content-Type: text/turtle; charset=utf-8\r\n'
                                     '\r\n'
                                     '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n'
                                     '<http://www.example/gsp/person/1> foaf:givenName "Jane" .\r\n'
                                     '\r\n'
                                     '--a6fe4cd636164618814be9f8d3d1a0de--\r\n',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'GET',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': {'chars': '\n'
                                                '                            @prefix foaf: '
                                                '<http://xmlns.com/foaf/0.1/> .\n'
                                                '                            @prefix v: '
                                                '<http://www.w3.org/2006/vcard/ns#> .\n'
                                                '                        \n'
                                                '                            <http://www.example/gsp/person/1> a '
                                                'foaf:Person;\n'
                                                '                                foaf:givenName      "Jane";\n'
                                                '                                foaf:familyName     "Doe";\n'
                                                '                                foaf:businessCard [\n'
                                                '                                    a               v:VCard;\n'
                                                '                                    v:fn            "Jane Doe"\n'
                                                '                                ] .\n'
                                                '                        ',
                                       'encoding': 'UTF-8'},
                              'location': None}}]},
    # graph-store-protocol/manifest-direct.ttl#head_existing_direct — PUT initialization, then HEAD on existing graph (direct graph identification)
    {'id': 'head_existing_direct',
     'name': 'PUT initialization, then HEAD on existing graph (direct graph identification)',
     'manifest': 'graph-store-protocol/manifest-direct.ttl',
     'requires': ['DirectGraphIdentification'],
     'graph_data': [],
     'requests': [{'method': 'PUT',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['content-type', 'text/turtle; charset=utf-8']],
                   'body': {'chars': '\n'
                                     '                        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n'
                                     '                        @prefix v: <http://www.w3.org/2006/vcard/ns#> .\n'
                                     '                        \n'
                                     '                        <http://www.example/gsp/person/1> a foaf:Person;\n'
                                     '                            foaf:businessCard [\n'
                                     '                                a v:VCard;\n'
                                     '                                v:fn "John Doe"\n'
                                     '                            ].\n'
                                     '                    ',
                            'encoding': 'UTF-8'},
                   'expect': {'status': ['200', '201', '204'],
                              'boolean': None,
                              'format': None,
                              'headers': [],
                              'body': None,
                              'location': None}},
                  {'method': 'HEAD',
                   'path': '/gsp/person/1.ttl',
                   'headers': [['accept', 'text/turtle; charset=utf-8']],
                   'body': None,
                   'expect': {'status': ['200'],
                              'boolean': None,
                              'format': None,
                              'headers': [['content-type', 'text/turtle; charset=utf-8']],
                              'body': None,
                              'location': None}}]},
]
