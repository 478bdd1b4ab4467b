#!/usr/bin/env node
'use strict';
// The CLI is one bundle built by `npm run build` (run by `prepare` on install).
require('../dist/cli.js');
