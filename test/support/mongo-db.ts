import { MongoClient } from 'mongodb';

export async function dropMongoDatabase(url: string, dbName: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    await client.connect();
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
