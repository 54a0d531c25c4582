import { describeDeclaration } from '@mc/testing/declaration-test';
import declaration from '../src/examples.js';

describeDeclaration(declaration, import.meta.url);
