import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/example.ts';
import { exampleMessages } from './messages.ts';

// The library of practice examples: criteria of seed 000, files kept in the database, Dutch and
// English full-text search with facets, private to the network or published with an Atom feed; a
// finished item of a practice becomes a draft.
export const exampleModule: AreaModule = {
  name: 'example',
  errors: {
    EXAMPLE_SOURCE_NOT_FINISHED: 409, EXAMPLE_ATTACHMENT_NAME: 400, EXAMPLE_ATTACHMENT_EMPTY: 400, EXAMPLE_ATTACHMENT_TOO_LARGE: 413,
    EXAMPLE_ATTACHMENT_TYPE: 400, EXAMPLE_ATTACHMENT_LIMIT: 409,
  },
  messages: exampleMessages,
  tables,
  // The personal data of the example tables, for export and erasure (spread so the declaration
  // also fits a module contract without a privacy field).
  ...{
    privacy: {
      tables: {
        examples: { personColumns: ['created_by'], emailColumns: ['contact_email'], export: false, erase: 'anonymise', anonymise: { created_by: null }, anonymiseBy: { contact_email: { contact_name: '', contact_email: '' } }, note: 'Who drafted an example; the example stays in the library without that link (the contact person is what the example names).' },
        example_attachments: { personColumns: ['created_by'], export: false, erase: 'anonymise', anonymise: { created_by: null }, note: 'Who uploaded a file of an example; the file stays with the example without that link.' },
      },
    },
    retention: {
      example_attachments: { appliedByArea: true, note: 'A file is kept as long as its example: removing the file or the example removes its bytes from the database.' },
    },
  },
};
