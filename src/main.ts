import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { iso31661 } from 'iso-3166';

@Controller()
class C { @Get('x') x() { return { n: iso31661.length }; } }
@Module({ controllers: [C] })
class M {}
async function main() {
  const app = await NestFactory.create<NestFastifyApplication>(M, new FastifyAdapter());
  await app.listen(3999);
  const r = await fetch('http://127.0.0.1:3999/x'); console.log(await r.text());
  await app.close();
}
void main();
