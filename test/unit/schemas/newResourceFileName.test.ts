import * as assert from 'node:assert/strict';
import { freeResourceFileName } from '../../../src/schemas/newResourceFile';

describe('New Resource Body File names', () => {
  it('the first body takes the plain name', () => {
    assert.equal(freeResourceFileName('gallery', 'myGallery', 'create', new Set()), 'myGallery.gallery.json');
  });

  it('a second body gets a name of its own (two untitled documents with one name are one document)', () => {
    const taken = new Set(['mygallery.gallery.json']);
    assert.equal(freeResourceFileName('gallery', 'myGallery', 'create', taken), 'myGallery-2.gallery.json');
    taken.add('mygallery-2.gallery.json');
    assert.equal(freeResourceFileName('gallery', 'myGallery', 'create', taken), 'myGallery-3.gallery.json');
  });

  it('the number goes before the suffix the schema is associated with', () => {
    const taken = new Set(['1.0.0.imageversion.json', 'myimagedefinition.imagedefinition.patch.json']);
    assert.equal(freeResourceFileName('imageVersion', '1.0.0', 'create', taken), '1.0.0-2.imageversion.json');
    assert.equal(freeResourceFileName('imageDefinition', 'myImageDefinition', 'update', taken), 'myImageDefinition-2.imagedefinition.patch.json');
  });

  it('names compare without case, as on Windows and macOS', () => {
    assert.equal(freeResourceFileName('managedImage', 'myManagedImage', 'create', new Set(['MYMANAGEDIMAGE.IMAGE.JSON'.toLowerCase()])), 'myManagedImage-2.image.json');
  });
});
