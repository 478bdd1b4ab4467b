/** Rasa: YAML files of any Rasa version (format 'rasa') and 1.x Markdown training data ('rasa-md'). */
export { rasaYamlParser } from './parser';
export { rasaMarkdownParser } from './markdown';
